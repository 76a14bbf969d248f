/* Umbrella header for libsecp256k1 (Debian libsecp256k1-dev 0.2.0). Owned by the Swift module Secp256k1. */
#include <secp256k1.h>
#include <secp256k1_recovery.h>

/* Swift 6 refuses to read the exported C global `secp256k1_context_static` (shared mutable state);
   this accessor returns the same immutable, verification-only context. */
static inline const secp256k1_context *cc_secp256k1_static_context(void) { return secp256k1_context_static; }
