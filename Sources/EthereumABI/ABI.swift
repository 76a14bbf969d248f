/// Contract ABI encoding and decoding for the calls ColdCredits makes (namespace).
public enum ABI {}
