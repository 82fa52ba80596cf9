#include "CMicroHTTPD.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

/// Formats one libmicrohttpd error message and hands it to the configured Swift callback.
static void forward_log(void *cls, const char *format, va_list arguments) {
    const struct doorman_mhd_config *config = cls;
    char message[512];
    vsnprintf(message, sizeof message, format, arguments);
    size_t length = strlen(message);
    while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == '\r')) {
        message[--length] = '\0';
    }
    config->log_callback(config->log_callback_cls, message);
}

/// Leaves the path undecoded: Doorman parses the raw URI itself, so escapes are checked in one place.
static size_t keep_escapes(void *cls, struct MHD_Connection *connection, char *uri) {
    (void)cls;
    (void)connection;
    return strlen(uri);
}

struct MHD_Daemon *doorman_mhd_start(const struct doorman_mhd_config *config) {
    struct MHD_OptionItem options[17];
    int count = 0;

    // libmicrohttpd requires the logger first, or earlier options log to stderr in its own format.
    if (config->log_callback != NULL) {
        options[count++] = (struct MHD_OptionItem){MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)forward_log, (void *)config};
    }
    options[count++] = (struct MHD_OptionItem){MHD_OPTION_LISTEN_SOCKET, config->listen_socket, NULL};
    options[count++] = (struct MHD_OptionItem){MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)keep_escapes, NULL};
    // Level 1 rejects an HTTP/1.1 request without Host (RFC 9112 section 3.2) and spaces in the target.
    options[count++] = (struct MHD_OptionItem){MHD_OPTION_STRICT_FOR_CLIENT, 1, NULL};
    if (config->thread_pool_size > 1) {
        options[count++] = (struct MHD_OptionItem){MHD_OPTION_THREAD_POOL_SIZE, config->thread_pool_size, NULL};
    }
    if (config->connection_limit > 0) {
        options[count++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_LIMIT, config->connection_limit, NULL};
    }
    if (config->per_ip_connection_limit > 0) {
        options[count++] = (struct MHD_OptionItem){
            MHD_OPTION_PER_IP_CONNECTION_LIMIT, config->per_ip_connection_limit, NULL};
    }
    if (config->connection_timeout_seconds > 0) {
        options[count++] = (struct MHD_OptionItem){
            MHD_OPTION_CONNECTION_TIMEOUT, config->connection_timeout_seconds, NULL};
    }
    if (config->connection_memory_limit > 0) {
        options[count++] = (struct MHD_OptionItem){
            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)config->connection_memory_limit, NULL};
    }
    if (config->completed_callback != NULL) {
        options[count++] = (struct MHD_OptionItem){
            MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)config->completed_callback, config->completed_callback_cls};
    }
    if (config->uri_log_callback != NULL) {
        options[count++] = (struct MHD_OptionItem){
            MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)config->uri_log_callback, config->uri_log_callback_cls};
    }
    if (config->notify_connection_callback != NULL) {
        options[count++] = (struct MHD_OptionItem){
            MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)config->notify_connection_callback,
            config->notify_connection_callback_cls};
    }
    options[count++] = (struct MHD_OptionItem){MHD_OPTION_END, 0, NULL};

    return MHD_start_daemon(config->flags, 0, NULL, NULL,
                            config->access_handler, config->access_handler_cls,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

unsigned int doorman_mhd_connection_count(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
    return info == NULL ? 0 : info->num_connections;
}

int doorman_mhd_client_address(struct MHD_Connection *connection, char *buffer, size_t size) {
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == NULL || info->client_addr == NULL) {
        return -1;
    }
    const struct sockaddr *address = info->client_addr;
    const void *raw = NULL;
    if (address->sa_family == AF_INET) {
        raw = &((const struct sockaddr_in *)address)->sin_addr;
    } else if (address->sa_family == AF_INET6) {
        raw = &((const struct sockaddr_in6 *)address)->sin6_addr;
    } else {
        return -1;
    }
    return inet_ntop(address->sa_family, raw, buffer, (socklen_t)size) == NULL ? -1 : 0;
}

void *doorman_mhd_socket_context(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info == NULL ? NULL : info->socket_context;
}
