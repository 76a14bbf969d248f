/* Umbrella header for libqrencode 4.1. Owned by the Swift module QRTransport. */
#include <qrencode.h>
