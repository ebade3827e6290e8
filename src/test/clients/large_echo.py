"""Python's `websockets` client against an echo endpoint: one random binary message of the
given size must come back intact (same length and SHA-256), then a clean close with 1000.
The client's own limit on incoming messages (max_size, 1 MiB by default) is lifted; every
other option is the library's default. Prints "ok" and exits 0, or prints what went wrong
and exits 1. Usage: python3 large_echo.py ws://host:port/path <bytes>"""
import asyncio
import hashlib
import os
import sys
import time

import websockets


async def echo(url, size, state):
    payload = os.urandom(size)
    sent = hashlib.sha256(payload).hexdigest()
    async with websockets.connect(url, max_size=None) as ws:
        state["connected"] = True
        await ws.send(payload)
        state["sent"] = f"{time.monotonic() - state['started']:.1f} s"
        echoed = await ws.recv()
        if not isinstance(echoed, bytes):
            return "the echo came back as text"
        if len(echoed) != size:
            return f"the echo has {len(echoed)} bytes"
        got = hashlib.sha256(echoed).hexdigest()
        if got != sent:
            return f"the echo differs: SHA-256 {got} instead of {sent}"
        await ws.close(1000, "done")
        if ws.close_code != 1000:
            return f"close code {ws.close_code} {ws.close_reason!r}"
    return None


async def main(url, size):
    state = {"started": time.monotonic(), "connected": False, "sent": "never"}
    try:
        problem = await asyncio.wait_for(echo(url, size, state), 60)
    except asyncio.TimeoutError:
        problem = "timed out"
    except websockets.ConnectionClosed as e:
        problem = f"connection closed: {e}"
    if problem is not None:
        problem += (f" ({size} bytes, after {time.monotonic() - state['started']:.1f} s;"
                    f" connected: {state['connected']}, whole message handed to the socket after: {state['sent']})")
    return problem


if __name__ == "__main__":
    problem = asyncio.run(main(sys.argv[1], int(sys.argv[2])))
    print("ok" if problem is None else f"FAIL: {problem}")
    sys.exit(0 if problem is None else 1)
