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
    /// A socket that is already bound and listening; libmicrohttpd takes it over.
    int listen_socket;
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
    /// Called when a connection opens and when it closes; may set the connection's socket context.
    MHD_NotifyConnectionCallback notify_connection_callback;
    void *notify_connection_callback_cls;
    /// Receives libmicrohttpd's own error messages, already formatted; NULL keeps them on stderr.
    void (*log_callback)(void *cls, const char *message);
    void *log_callback_cls;
};

/// Starts a daemon with the options above. `MHD_start_daemon` is variadic, so Swift cannot call it.
/// `config` must stay valid until the daemon is stopped, because the log callback reads it.
struct MHD_Daemon *doorman_mhd_start(const struct doorman_mhd_config *config);

/// The socket context that the notify-connection callback stored for `connection`, or NULL.
void *doorman_mhd_socket_context(struct MHD_Connection *connection);

/// The number of connections the daemon has open.
unsigned int doorman_mhd_connection_count(struct MHD_Daemon *daemon);

/// Copies the client's numeric address into `buffer`; returns 0 on success, -1 otherwise.
int doorman_mhd_client_address(struct MHD_Connection *connection, char *buffer, size_t size);

#endif
