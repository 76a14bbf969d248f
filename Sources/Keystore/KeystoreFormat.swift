/// V3 keystore files (namespace).
public enum KeystoreFormat {}
