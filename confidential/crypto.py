"""The cryptography of the anonymous line (``cryptography`` package; docs/confidential.md).

* Every party has an X25519 key pair. A vertrouwenspersoon's private key is encrypted with a key
  derived by scrypt from a passphrase they chose; the reporter's with a key derived by scrypt from
  their receipt code. Neither the passphrase nor the receipt is stored.
* A message is encrypted once with a fresh 256-bit key (AES-256-GCM); that key is sealed to each
  party's public key: an ephemeral X25519 exchange, HKDF-SHA256, AES-256-GCM.
* ``SECRET_KEY`` is used only for the lookup id of a receipt (a keyed hash that finds the row); it
  unlocks nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from django.conf import settings

#: Crockford's base32 without look-alikes: 5 bits a character.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECEIPT_LENGTH = 24  # 120 bits
_RAW = serialization.Encoding.Raw
_SEAL_INFO = b"zorgwijzer confidential line seal v1"
_LOOKALIKES: dict[str, str | int | None] = {"O": "0", "I": "1", "L": "1"}
#: What a BinaryField gives back: bytes, or a memoryview on PostgreSQL.
Buffer = bytes | memoryview


class DecryptionError(Exception):
    """A wrong passphrase or receipt, or tampered data."""


def new_receipt() -> str:
    """A receipt code of 120 random bits, shown to the reporter once, in groups of four."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(RECEIPT_LENGTH))
    return " ".join(raw[i : i + 4] for i in range(0, RECEIPT_LENGTH, 4))


def normalise_receipt(text: str) -> str:
    """The receipt as typed: spaces and dashes dropped, upper case, look-alikes mapped."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return cleaned.translate(str.maketrans(_LOOKALIKES))


def receipt_lookup(receipt: str) -> str:
    """The row id of a receipt: HMAC-SHA256 under SECRET_KEY (finds the report, decrypts nothing)."""
    key = hashlib.sha256(b"confidential-line-lookup:" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, normalise_receipt(receipt).encode(), hashlib.sha256).hexdigest()


def stretch(secret: str, salt: bytes) -> bytes:
    """64 bytes from scrypt (slow on purpose: ``CONFIDENTIAL_SCRYPT_N``)."""
    kdf = Scrypt(salt=salt, length=64, n=int(settings.CONFIDENTIAL_SCRYPT_N), r=8, p=1)
    return kdf.derive(secret.encode())


@dataclass(frozen=True)
class LockedKey:
    public_key: bytes
    private_key_box: bytes
    salt: bytes
    verifier: bytes


def new_locked_key(secret: str) -> LockedKey:
    """A new key pair whose private key is locked with ``secret`` (passphrase or receipt)."""
    salt = os.urandom(16)
    stretched = stretch(secret, salt)
    private = X25519PrivateKey.generate()
    raw_private = private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return LockedKey(
        public_key=private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw),
        private_key_box=_encrypt(stretched[:32], raw_private, b"private key"),
        salt=salt,
        verifier=hashlib.sha256(stretched[32:]).digest(),
    )


def unlock(secret: str, *, salt: Buffer, private_key_box: Buffer, verifier: Buffer | None = None) -> bytes:
    """The raw private key, or ``DecryptionError`` for a wrong secret."""
    stretched = stretch(secret, bytes(salt))
    if verifier is not None and not hmac.compare_digest(hashlib.sha256(stretched[32:]).digest(), bytes(verifier)):
        raise DecryptionError
    return _decrypt(stretched[:32], bytes(private_key_box), b"private key")


def _encrypt(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def _decrypt(key: bytes, box: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(box[:12], box[12:], aad)
    except (InvalidTag, ValueError) as error:
        raise DecryptionError from error


def _wrap_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public, info=_SEAL_INFO).derive(
        shared
    )


def seal_key(message_key: bytes, recipient_public: Buffer) -> bytes:
    """``message_key`` sealed to one public key: ephemeral public key (32 bytes) + AES-GCM box."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(bytes(recipient_public)))
    return ephemeral_public + _encrypt(
        _wrap_key(shared, ephemeral_public, bytes(recipient_public)), message_key, b"seal"
    )


def open_key(sealed: bytes, private_key: bytes) -> bytes:
    private = X25519PrivateKey.from_private_bytes(private_key)
    own_public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    ephemeral_public = sealed[:32]
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as error:
        raise DecryptionError from error
    return _decrypt(_wrap_key(shared, ephemeral_public, own_public), sealed[32:], b"seal")


def new_message_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def encrypt(message_key: bytes, plaintext: bytes, *, label: bytes) -> bytes:
    return _encrypt(message_key, plaintext, label)


def decrypt(message_key: bytes, box: Buffer, *, label: bytes) -> bytes:
    return _decrypt(message_key, bytes(box), label)
