// Empty: the target only carries CLibFuzzer.h.
