import BundleFormat
import EthereumPrimitives
import TerminalText

extension PreparationError {
    /// The one-line explanation of the checkout path's refusals (see ``description``).
    var checkoutDescription: String {
        switch self {
        case .invalidRequest(let error): return "payment request: \(error)"
        case .checkoutNotActive(let id, let status):
            return
                "checkout \(id.escapedForTerminal) has status \(status.escapedForTerminal), expected ACTIVE; "
                + "it cannot be paid: open a new checkout"
        case .checkoutExpired(let expiresAt, let now):
            return "the checkout expired at \(TimeText.at(expiresAt, now: now)); open a new one"
        case .checkoutExpiring(let expiresAt, let now, let margin):
            return
                "the checkout expires at \(TimeText.at(expiresAt, now: now)): less than the \(TimeText.duration(margin)) "
                + "needed to sign and broadcast the payment are left; open a new one"
        case .tokenBalanceShort(let have, let need, let request):
            return
                "token balance too low: have \(Self.tokenText(have, request)), need \(Self.tokenText(need, request)) "
                + "of \(request.token?.checksummed ?? "the token") on chain \(request.chainID)"
        case .gasMoneyShort(let have, let need, let symbol):
            return
                "native balance too low for the payment's gas: have \(have.etherString) \(symbol), need "
                + "\(need.etherString) \(symbol) (gas limit × max fee per gas, plus the value of a native payment)"
        case .transferReturnedFalse(let token):
            return "the simulated transfer on token \(token.checksummed) returned false: the token refuses the payment"
        default: return String(describing: kind)
        }
    }

    /// `units` of the request's token as the request writes its own amount (`10.50 USDC`, or base units).
    static func tokenText(_ units: UInt256, _ request: PaymentRequest) -> String {
        if let token = request.token, let known = KnownChain.entry(for: request.chainID), known.usdc == token {
            return "\(DecimalAmount.format(units, decimals: 6, minimumFractionDigits: 2)) USDC"
        }
        return "\(units.decimalString) base units"
    }
}
