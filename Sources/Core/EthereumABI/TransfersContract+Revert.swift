public import EthereumPrimitives

/// A decoded revert from the Transfers contract (or the standard `Error(string)` / `Panic(uint256)`).
public enum ContractRevert: Equatable, Sendable, CustomStringConvertible {
    /// `InvalidSignature()`: wrong operator signature, or the tx is not from the intent's sender/chain/contract.
    case invalidSignature
    /// `ExpiredIntent()`: the block time passed the deadline.
    case expiredIntent
    /// `AlreadyProcessed()`: this operator and charge id were paid already.
    case alreadyProcessed
    /// `NullRecipient()`.
    case nullRecipient
    /// `OperatorNotRegistered()`.
    case operatorNotRegistered
    /// `InvalidNativeAmount(int256 difference)` (two's-complement word).
    case invalidNativeAmount(difference: UInt256)
    /// `InsufficientBalance(uint256 difference)`.
    case insufficientBalance(difference: UInt256)
    /// `InsufficientAllowance(uint256 difference)`.
    case insufficientAllowance(difference: UInt256)
    /// `IncorrectCurrency(address)`.
    case incorrectCurrency(Address)
    /// `InvalidTransferDetails()`.
    case invalidTransferDetails
    /// `InexactTransfer()`.
    case inexactTransfer
    /// `SwapFailedString(string)`; `"V3TooMuchRequested"` means the value sent was too small.
    case swapFailedString(String)
    /// `SwapFailedBytes(bytes)`.
    case swapFailedBytes([UInt8])
    /// `NativeTransferFailed(address,uint256,bool,bytes)`.
    case nativeTransferFailed(recipient: Address, amount: UInt256, isRefund: Bool, data: [UInt8])
    /// `PermitCallFailed()`.
    case permitCallFailed
    /// Solidity's `Error(string)` (for example "Pausable: paused").
    case error(String)
    /// Solidity's `Panic(uint256)`.
    case panic(code: UInt256)
    /// Revert data that matches no known selector (kept whole).
    case unknown(data: [UInt8])

    private static let signatures: [(String, [ABIType])] = [
        ("InvalidSignature()", []), ("ExpiredIntent()", []), ("AlreadyProcessed()", []), ("NullRecipient()", []),
        ("OperatorNotRegistered()", []), ("InvalidNativeAmount(int256)", [.int(bits: 256)]),
        ("InsufficientBalance(uint256)", [.uint(bits: 256)]), ("InsufficientAllowance(uint256)", [.uint(bits: 256)]),
        ("IncorrectCurrency(address)", [.address]), ("InvalidTransferDetails()", []), ("InexactTransfer()", []),
        ("SwapFailedString(string)", [.string]), ("SwapFailedBytes(bytes)", [.bytes]),
        ("NativeTransferFailed(address,uint256,bool,bytes)", [.address, .uint(bits: 256), .bool, .bytes]),
        ("PermitCallFailed()", []), ("Error(string)", [.string]), ("Panic(uint256)", [.uint(bits: 256)]),
    ]

    /// Decodes revert data by selector; anything unrecognised or malformed becomes ``unknown(data:)``.
    public init(revertData data: [UInt8]) {
        guard data.count >= 4 else { self = .unknown(data: data); return }
        let selector = Array(data[0..<4])
        guard let (signature, types) = Self.signatures.first(where: { ABI.selector($0.0) == selector }),
            let values = try? ABI.decode(types, from: Array(data[4...]))
        else { self = .unknown(data: data); return }
        self = Self.make(name: String(signature.prefix(while: { $0 != "(" })), values: values) ?? .unknown(data: data)
    }

    private static func make(name: String, values v: [ABIValue]) -> ContractRevert? {
        switch (name, v.first) {
        case ("InvalidSignature", _): return .invalidSignature
        case ("ExpiredIntent", _): return .expiredIntent
        case ("AlreadyProcessed", _): return .alreadyProcessed
        case ("NullRecipient", _): return .nullRecipient
        case ("OperatorNotRegistered", _): return .operatorNotRegistered
        case ("InvalidNativeAmount", .int(let d)?): return .invalidNativeAmount(difference: d)
        case ("InsufficientBalance", .uint(let d)?): return .insufficientBalance(difference: d)
        case ("InsufficientAllowance", .uint(let d)?): return .insufficientAllowance(difference: d)
        case ("IncorrectCurrency", .address(let a)?): return .incorrectCurrency(a)
        case ("InvalidTransferDetails", _): return .invalidTransferDetails
        case ("InexactTransfer", _): return .inexactTransfer
        case ("SwapFailedString", .string(let s)?): return .swapFailedString(s)
        case ("SwapFailedBytes", .bytes(let b)?): return .swapFailedBytes(b)
        case ("NativeTransferFailed", .address(let a)?):
            guard case .uint(let amount) = v[1], case .bool(let refund) = v[2], case .bytes(let data) = v[3] else { return nil }
            return .nativeTransferFailed(recipient: a, amount: amount, isRefund: refund, data: data)
        case ("PermitCallFailed", _): return .permitCallFailed
        case ("Error", .string(let s)?): return .error(s)
        case ("Panic", .uint(let code)?): return .panic(code: code)
        default: return nil
        }
    }

    /// The revert data this error encodes to (for the sandbox and tests).
    public var revertData: [UInt8] {
        func call(_ signature: String, _ values: [ABIValue] = []) -> [UInt8] {
            ABI.encodeCall(selector: ABI.selector(signature), values)
        }
        switch self {
        case .invalidSignature: return call("InvalidSignature()")
        case .expiredIntent: return call("ExpiredIntent()")
        case .alreadyProcessed: return call("AlreadyProcessed()")
        case .nullRecipient: return call("NullRecipient()")
        case .operatorNotRegistered: return call("OperatorNotRegistered()")
        case .invalidNativeAmount(let d): return call("InvalidNativeAmount(int256)", [.int(d)])
        case .insufficientBalance(let d): return call("InsufficientBalance(uint256)", [.uint(d)])
        case .insufficientAllowance(let d): return call("InsufficientAllowance(uint256)", [.uint(d)])
        case .incorrectCurrency(let a): return call("IncorrectCurrency(address)", [.address(a)])
        case .invalidTransferDetails: return call("InvalidTransferDetails()")
        case .inexactTransfer: return call("InexactTransfer()")
        case .swapFailedString(let s): return call("SwapFailedString(string)", [.string(s)])
        case .swapFailedBytes(let b): return call("SwapFailedBytes(bytes)", [.bytes(b)])
        case .nativeTransferFailed(let a, let amount, let refund, let data):
            return call(
                "NativeTransferFailed(address,uint256,bool,bytes)",
                [.address(a), .uint(amount), .bool(refund), .bytes(data)])
        case .permitCallFailed: return call("PermitCallFailed()")
        case .error(let s): return call("Error(string)", [.string(s)])
        case .panic(let code): return call("Panic(uint256)", [.uint(code)])
        case .unknown(let data): return data
        }
    }

    /// The error as Solidity would name it, for example `SwapFailedString("V3TooMuchRequested")`.
    public var description: String {
        switch self {
        case .invalidSignature: return "InvalidSignature()"
        case .expiredIntent: return "ExpiredIntent()"
        case .alreadyProcessed: return "AlreadyProcessed()"
        case .nullRecipient: return "NullRecipient()"
        case .operatorNotRegistered: return "OperatorNotRegistered()"
        case .invalidNativeAmount(let d): return "InvalidNativeAmount(\(Hex.encode(d.bigEndianBytes)))"
        case .insufficientBalance(let d): return "InsufficientBalance(\(d))"
        case .insufficientAllowance(let d): return "InsufficientAllowance(\(d))"
        case .incorrectCurrency(let a): return "IncorrectCurrency(\(a))"
        case .invalidTransferDetails: return "InvalidTransferDetails()"
        case .inexactTransfer: return "InexactTransfer()"
        case .swapFailedString(let s): return "SwapFailedString(\"\(s)\")"
        case .swapFailedBytes(let b): return "SwapFailedBytes(\(Hex.encode(b)))"
        case .nativeTransferFailed(let a, let amount, let refund, _):
            return "NativeTransferFailed(\(a), \(amount), isRefund: \(refund))"
        case .permitCallFailed: return "PermitCallFailed()"
        case .error(let s): return "Error(\"\(s)\")"
        case .panic(let code): return "Panic(\(Hex.encode(code.minimalBigEndianBytes)))"
        case .unknown(let data): return data.isEmpty ? "revert without data" : "unknown revert \(Hex.encode(data))"
        }
    }
}
