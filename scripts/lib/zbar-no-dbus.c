/*
 * Linked into the release binaries only (scripts/release), beside Debian's static libzbar.a.
 *
 * Debian builds zbar with D-Bus support, so its image scanner (img_scanner.o) references libdbus even though it
 * only sends results over D-Bus after zbar_image_scanner_request_dbus(), which ColdCredits never calls. These
 * definitions satisfy the linker without bringing libdbus-1 and libsystemd onto the cold machine. Should one
 * ever be reached, the tool stops at once instead of doing anything else.
 */
#include <stdio.h>
#include <stdlib.h>

static void unreachable(const char *name) {
    fprintf(stderr, "internal error: zbar called %s, but this build has no D-Bus (scripts/lib/zbar-no-dbus.c)\n", name);
    abort();
}

#define NO_DBUS(name) \
    void name(void); \
    void name(void) { unreachable(#name); }

NO_DBUS(dbus_bus_get)
NO_DBUS(dbus_bus_release_name)
NO_DBUS(dbus_bus_request_name)
NO_DBUS(dbus_connection_flush)
NO_DBUS(dbus_connection_send)
NO_DBUS(dbus_error_free)
NO_DBUS(dbus_error_init)
NO_DBUS(dbus_error_is_set)
NO_DBUS(dbus_message_iter_append_basic)
NO_DBUS(dbus_message_iter_append_fixed_array)
NO_DBUS(dbus_message_iter_close_container)
NO_DBUS(dbus_message_iter_init_append)
NO_DBUS(dbus_message_iter_open_container)
NO_DBUS(dbus_message_new_signal)
NO_DBUS(dbus_message_unref)
