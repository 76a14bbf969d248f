public import BundleFormat
import TerminalText
public import EthereumABI
public import EthereumPrimitives
public import EthereumRPC
public import PaymentAPI

/// Why `prepare` stopped.
///
/// The API and node failures keep their own error values; the rest name what the charge or the chain disagreed
/// with.
public enum PreparationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The OpenRouter API refused or could not be reached.
    case api(PaymentAPIError)
    /// The node refused or could not be reached.
    case rpc(RPCError)
    /// The charge (from the API or a file) is malformed.
    case invalidCharge(BundleError)
    /// The charge is for another sender, chain or contract than asked for.
    case chargeMismatch(field: String, expected: String, found: String)
    /// The charge's operator signature does not recover its operator.
    case operatorSignatureInvalid(expected: Address, recovered: Address?)
    /// The charge's deadline has passed by this machine's clock.
    case chargeExpired(deadline: UInt64, now: UInt64)
    /// The charge has not expired, but less than `margin` seconds are left to sign and broadcast it.
    case chargeExpiring(deadline: UInt64, now: UInt64, margin: UInt64)
    /// The node serves another chain.
    case wrongChain(expected: ChainID, node: ChainID)
    /// No fee tier quoted.
    case noQuote(reasons: [String])
    /// The simulation reverted.
    case simulationReverted(ContractRevert)
    /// The balance cannot cover value plus the worst-case fee.
    case insufficientBalance(balance: Wei, needed: Wei, symbol: String)
    /// A figure overflowed 256 bits.
    case overflow(String)
    /// No contract table for the chain (neither built in nor from a network file).
    case unknownChain(ChainID)
    /// The payment request (EIP-681 URI or checkout document) does not parse.
    case invalidRequest(PaymentRequestError)
    /// The checkout's `status` is not `ACTIVE`: it cannot be paid any more (or not yet).
    case checkoutNotActive(id: String, status: String)
    /// The checkout's `expiresAt` has passed by this machine's clock.
    case checkoutExpired(expiresAt: UInt64, now: UInt64)
    /// The checkout has not expired, but less than `margin` seconds are left to sign and broadcast the payment.
    case checkoutExpiring(expiresAt: UInt64, now: UInt64, margin: UInt64)
    /// The sender holds less of the token than the request asks for (base units of the request's token).
    case tokenBalanceShort(have: UInt256, need: UInt256, request: PaymentRequest)
    /// The native balance cannot cover the worst-case fee (plus the value of a native payment).
    case gasMoneyShort(have: Wei, need: Wei, symbol: String)
    /// The simulated ERC-20 `transfer` returned `false` instead of reverting.
    case transferReturnedFalse(token: Address)

    /// A stable name for `--json`.
    public var kind: String {
        switch self {
        case .api(let error): return Self.apiKind(error)
        case .rpc: return "rpcFailed"
        case .invalidCharge(let error): return "invalidCharge." + error.kind
        case .chargeMismatch: return "chargeMismatch"
        case .operatorSignatureInvalid: return "operatorSignatureInvalid"
        case .chargeExpired: return "chargeExpired"
        case .chargeExpiring: return "chargeExpiring"
        case .wrongChain: return "wrongChain"
        case .noQuote: return "noQuote"
        case .simulationReverted: return "simulationReverted"
        case .insufficientBalance: return "insufficientBalance"
        case .overflow: return "overflow"
        case .unknownChain: return "unknownChain"
        case .invalidRequest(let error): return "invalidRequest." + error.kind
        case .checkoutNotActive: return "checkoutNotActive"
        case .checkoutExpired: return "checkoutExpired"
        case .checkoutExpiring: return "checkoutExpiring"
        case .tokenBalanceShort: return "tokenBalanceShort"
        case .gasMoneyShort: return "gasMoneyShort"
        case .transferReturnedFalse: return "transferReturnedFalse"
        }
    }

    /// The stable name of an API failure, shared by every tool's `--json` output.
    public static func apiKind(_ error: PaymentAPIError) -> String {
        switch error {
        case .gone: return "endpointGone"
        case .rateLimited: return "rateLimited"
        case .unauthorized: return "unauthorized"
        case .forbidden: return "forbidden"
        case .badRequest, .invalidAmount: return "badRequest"
        case .paymentRequired: return "paymentRequired"
        case .transport: return "apiUnreachable"
        case .serverError: return "serverError"
        default: return "apiFailed"
        }
    }

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .api(let error): return error.description
        case .rpc(let error): return error.description
        case .invalidCharge(let error): return "charge: \(error)"
        case .chargeMismatch(let field, let expected, let found): return "charge \(field) is \(found), expected \(expected)"
        case .operatorSignatureInvalid(let expected, let recovered):
            return
                "the charge's operator signature does not verify: recovers \(recovered.map(\.checksummed) ?? "nothing"), expected \(expected)"
        case .chargeExpired(let deadline, let now):
            return
                "the charge expired at \(TimeText.at(deadline, now: now)); create a new one"
        case .chargeExpiring(let deadline, let now, let margin):
            return
                "the charge expires at \(TimeText.at(deadline, now: now)): less than the \(TimeText.duration(margin)) needed "
                + "to sign and broadcast it are left; create a new one"
        case .wrongChain(let expected, let node): return "the RPC node serves chain \(node), expected \(expected)"
        case .noQuote(let reasons): return "no Uniswap fee tier could quote the swap: " + reasons.joined(separator: "; ")
        case .simulationReverted(let revert): return "the payment would revert: \(revert.description.escapedForTerminal)"
        case .insufficientBalance(let balance, let needed, let symbol):
            return "balance \(balance.etherString) \(symbol) cannot cover value + worst-case fee \(needed.etherString) \(symbol)"
        case .overflow(let what): return "\(what) overflows 256 bits"
        case .unknownChain(let chain): return "no contract addresses known for chain \(chain); pass --network-file"
        default: return checkoutDescription
        }
    }
}
