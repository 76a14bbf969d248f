/* Umbrella header for libpng 1.6 (simplified png_image API only: no setjmp). Owned by QRTransport. */
#include <png.h>
