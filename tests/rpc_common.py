"""The fixtures and calls of the security suites, kept under their former name: they live in :mod:`tests.common`."""

from .common import SALESMAN, RpcCase, RpcError

__all__ = ["SALESMAN", "RpcCase", "RpcError"]
