/* Umbrella header for zbar 0.23. Owned by the Swift module QRTransport. */
#include <zbar.h>
