# pragma version 0.4.3
# pragma evm-version cancun
"""
@title Stand-in for Coinbase Commerce's Transfers contract (swapAndTransferUniswapV3Native only)
@notice Test double used by scripts/evm/harness.py to run ColdCredits transactions on a real EVM
        (py-evm). It keeps the real contract's ABI (selector 0x8bf122da), operator-signature scheme,
        check order, custom-error encodings and Transferred event (see docs/protocol.md
        sections 1.3-1.6). It does NOT swap anything: the Uniswap exact-output swap is replaced by a
        fixed price set at deployment (see quoteNative), the native amount it needs is kept by this
        contract, and the excess msg.value is refunded to msg.sender, as the real contract does.
        Known differences from the real contract (repo HEAD d891289):
        - gas use is far lower (no Universal Router, no token transfers): do not calibrate gas limits on it;
        - a signature longer than 65 bytes or a prefix longer than 256 bytes fails vyper's ABI decoding
          with empty revert data (the real contract: "ECDSA: invalid signature length" / accepted);
        - msg.value == 0 gives SwapFailedString("V3TooMuchRequested") here (the real one fails in its
          ERC-20 branch); pool fee tiers other than 100/500/3000/10000 give SwapFailedBytes("");
        - no pause, ownership, sweeping, Permit2 or other payment functions; InexactTransfer cannot occur.
"""

struct TransferIntent:
    recipientAmount: uint256
    deadline: uint256
    recipient: address
    recipientCurrency: address
    refundDestination: address
    feeAmount: uint256
    id: bytes16
    operator: address
    signature: Bytes[65]
    prefix: Bytes[256]

event Transferred:
    operator: indexed(address)
    id: bytes16
    recipient: address
    sender: address
    spentAmount: uint256
    spentCurrency: address

event OperatorRegistered:
    operator: address
    feeDestination: address

# secp256k1 n / 2 (0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0): OpenZeppelin 4.x
# ECDSA rejects signatures with a higher s (EIP-2).
HALF_N: constant(uint256) = 57896044618658097711785492504343953926418782139537452191302581570759080747168
FEE_DENOMINATOR: constant(uint256) = 1_000_000

# Immutables live in the runtime code, so copying the code to another address (the harness's
# "mirror" mode) keeps the initial operator, the wrapped-native token and the price.
INITIAL_OPERATOR: public(immutable(address))
INITIAL_FEE_DESTINATION: public(immutable(address))
WRAPPED_NATIVE: public(immutable(address))
# Price of one whole native coin (10**18 wei) in the smallest units of the recipient currency,
# e.g. 2_500_000_000 = 2500 USDC (6 decimals) per ETH.
TOKEN_UNITS_PER_NATIVE: public(immutable(uint256))

feeDestinations: HashMap[address, address]
processedTransferIntents: HashMap[address, HashMap[bytes16, bool]]


@deploy
def __init__(operator: address, feeDestination: address, wrappedNative: address, tokenUnitsPerNative: uint256):
    assert tokenUnitsPerNative > 0
    INITIAL_OPERATOR = operator
    INITIAL_FEE_DESTINATION = feeDestination
    WRAPPED_NATIVE = wrappedNative
    TOKEN_UNITS_PER_NATIVE = tokenUnitsPerNative
    log OperatorRegistered(operator=operator, feeDestination=feeDestination)


@external
def registerOperator():
    """@notice Permissionless, as in the real contract: fees would go to msg.sender."""
    self.feeDestinations[msg.sender] = msg.sender
    log OperatorRegistered(operator=msg.sender, feeDestination=msg.sender)


@view
@internal
def _feeDestination(operator: address) -> address:
    if operator == INITIAL_OPERATOR and operator != empty(address):
        return INITIAL_FEE_DESTINATION
    return self.feeDestinations[operator]


@view
@external
def quoteNative(amountOut: uint256, poolFeesTier: uint24) -> uint256:
    """
    @notice Native wei needed to buy exactly amountOut units of the recipient currency:
            base = ceil(amountOut * 10**18 / TOKEN_UNITS_PER_NATIVE)
            needed = ceil(base * 10**6 / (10**6 - poolFeesTier))   (Uniswap v3 input fee, exact output)
    """
    return self._quote(amountOut, poolFeesTier)


@view
@internal
def _quote(amountOut: uint256, poolFeesTier: uint24) -> uint256:
    base: uint256 = (amountOut * 10**18 + TOKEN_UNITS_PER_NATIVE - 1) // TOKEN_UNITS_PER_NATIVE
    keep: uint256 = FEE_DENOMINATOR - convert(poolFeesTier, uint256)
    return (base * FEE_DENOMINATOR + keep - 1) // keep


@view
@internal
def _checkSignature(_intent: TransferIntent, sender: address):
    # abi.encodePacked(recipientAmount, deadline, recipient, recipientCurrency, refundDestination,
    #                  feeAmount, id, operator, block.chainid, sender, address(this)) -- 264 bytes
    packed: Bytes[264] = concat(
        convert(_intent.recipientAmount, bytes32),
        convert(_intent.deadline, bytes32),
        convert(_intent.recipient, bytes20),
        convert(_intent.recipientCurrency, bytes20),
        convert(_intent.refundDestination, bytes20),
        convert(_intent.feeAmount, bytes32),
        _intent.id,
        convert(_intent.operator, bytes20),
        convert(chain.id, bytes32),
        convert(sender, bytes20),
        convert(self, bytes20),
    )
    h: bytes32 = keccak256(packed)
    digest: bytes32 = empty(bytes32)
    if len(_intent.prefix) == 0:
        digest = keccak256(concat(b"\x19Ethereum Signed Message:\n32", h))
    else:
        digest = keccak256(concat(_intent.prefix, h))

    # OpenZeppelin 4.x ECDSA.recover(bytes32, bytes): these three cases revert with Error(string).
    if len(_intent.signature) != 65:
        raise "ECDSA: invalid signature length"
    r: uint256 = convert(extract32(_intent.signature, 0), uint256)
    s: uint256 = convert(extract32(_intent.signature, 32), uint256)
    v: uint256 = convert(slice(_intent.signature, 64, 1), uint256)
    if s > HALF_N:
        raise "ECDSA: invalid signature 's' value"
    signer: address = ecrecover(digest, v, r, s)
    if signer == empty(address):
        raise "ECDSA: invalid signature"
    if signer != _intent.operator:
        raw_revert(method_id("InvalidSignature()"))


@payable
@external
@nonreentrant
def swapAndTransferUniswapV3Native(_intent: TransferIntent, poolFeesTier: uint24):
    # validIntent(_intent, msg.sender), in the real contract's order
    self._checkSignature(_intent, msg.sender)
    if _intent.deadline < block.timestamp:
        raw_revert(method_id("ExpiredIntent()"))
    if _intent.recipient == empty(address):
        raw_revert(method_id("NullRecipient()"))
    if self.processedTransferIntents[_intent.operator][_intent.id]:
        raw_revert(method_id("AlreadyProcessed()"))
    # operatorIsRegistered(_intent)
    if self._feeDestination(_intent.operator) == empty(address):
        raw_revert(method_id("OperatorNotRegistered()"))
    # function body
    if _intent.recipientCurrency == empty(address) or _intent.recipientCurrency == WRAPPED_NATIVE:
        raw_revert(abi_encode(_intent.recipientCurrency, method_id=method_id("IncorrectCurrency(address)")))

    # Stand-in for the exact-output Uniswap v3 swap. Pools exist only at the four standard tiers;
    # the real router fails without a pool, which the real contract reports as SwapFailedBytes.
    if poolFeesTier != 100 and poolFeesTier != 500 and poolFeesTier != 3000 and poolFeesTier != 10000:
        raw_revert(abi_encode(b"", method_id=method_id("SwapFailedBytes(bytes)")))
    needed: uint256 = self._quote(_intent.recipientAmount + _intent.feeAmount, poolFeesTier)
    if msg.value < needed:
        raw_revert(abi_encode("V3TooMuchRequested", method_id=method_id("SwapFailedString(string)")))

    # succeedPayment: mark processed, emit, then refund the excess to the payer.
    self.processedTransferIntents[_intent.operator][_intent.id] = True
    log Transferred(
        operator=_intent.operator,
        id=_intent.id,
        recipient=_intent.recipient,
        sender=msg.sender,
        spentAmount=needed,
        spentCurrency=empty(address),
    )
    refund: uint256 = msg.value - needed
    if refund > 0:
        ok: bool = False
        response: Bytes[128] = b""
        ok, response = raw_call(msg.sender, b"", max_outsize=128, value=refund, revert_on_failure=False)
        if not ok:
            raw_revert(abi_encode(msg.sender, refund, True, response,
                                  method_id=method_id("NativeTransferFailed(address,uint256,bool,bytes)")))
