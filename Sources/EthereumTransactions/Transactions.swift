/// Ethereum transactions (namespace for shared constants).
public enum Transactions {}
