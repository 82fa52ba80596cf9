#ifndef DOORMAN_CMICROHTTPD_H
#define DOORMAN_CMICROHTTPD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <microhttpd.h>

/// Everything `doorman_mhd_start` passes to libmicrohttpd. Zero in a limit field keeps
/// libmicrohttpd's own default for it.
struct doorman_mhd_config {
    unsigned int flags;
    uint16_t port;
    /// IPv4 or IPv6 address to bind; NULL binds every address on `port`.
    const struct sockaddr *bind_address;
    unsigned int thread_pool_size;
    unsigned int connection_limit;
    unsigned int per_ip_connection_limit;
    unsigned int connection_timeout_seconds;
    /// Per-connection buffer; the request line and headers must fit in it.
    size_t connection_memory_limit;
    MHD_AccessHandlerCallback access_handler;
    void *access_handler_cls;
    MHD_RequestCompletedCallback completed_callback;
    void *completed_callback_cls;
    /// Receives the raw request URI before parsing; its return value becomes the request's context pointer.
    void *(*uri_log_callback)(void *cls, const char *uri, struct MHD_Connection *connection);
    void *uri_log_callback_cls;
};

/// Starts a daemon with the options above. `MHD_start_daemon` is variadic, so Swift cannot call it.
struct MHD_Daemon *doorman_mhd_start(const struct doorman_mhd_config *config);

/// The port the daemon listens on, useful after binding port 0; 0 when unknown.
uint16_t doorman_mhd_bound_port(struct MHD_Daemon *daemon);

/// The number of connections the daemon has open.
unsigned int doorman_mhd_connection_count(struct MHD_Daemon *daemon);

/// Copies the client's numeric address into `buffer`; returns 0 on success, -1 otherwise.
int doorman_mhd_client_address(struct MHD_Connection *connection, char *buffer, size_t size);

#endif
