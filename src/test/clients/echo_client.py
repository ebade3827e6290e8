"""Python's `websockets` client against an echo endpoint. First connection: offers the
subprotocols "foo" and "echo.v1" and must get "echo.v1"; a text, a small binary and a 1 MiB
binary message must come back unchanged and of the same type, in order; then a clean close
with 1000, answered with 1000. Second connection: closes with the application code 4000,
answered with 4000 (RFC 6455 §5.5.1). The client's own limit on incoming messages (max_size,
1 MiB by default) is raised to 2 MiB so that a 1 MiB echo is well inside it. Prints "ok" and
exits 0, or prints what went wrong and exits 1. Usage: python3 echo_client.py ws://host:port/path"""
import asyncio
import os
import sys

import websockets


async def main(url):
    sent = ["héllo from python ✓", bytes([0, 1, 2, 253, 254, 255]), os.urandom(1 << 20)]
    async with websockets.connect(url, subprotocols=["foo", "echo.v1"], max_size=2 << 20) as ws:
        if ws.subprotocol != "echo.v1":
            return f"offered foo, echo.v1; the server chose {ws.subprotocol!r}"
        for message in sent:
            await ws.send(message)
        for i, message in enumerate(sent):
            echoed = await asyncio.wait_for(ws.recv(), 10)
            if type(echoed) is not type(message):
                return f"echo {i} came back as {type(echoed).__name__}"
            if echoed != message:
                return f"echo {i} differs ({len(echoed)} of {len(message)})"
        await ws.close(1000, "done")
        if ws.close_rcvd is None or ws.close_rcvd.code != 1000:
            return f"closed with 1000, answered with {ws.close_rcvd}"
    async with websockets.connect(url) as ws:
        await ws.close(4000, "application code")
        if ws.close_rcvd is None or ws.close_rcvd.code != 4000:
            return f"closed with 4000, answered with {ws.close_rcvd}"
    return None


if __name__ == "__main__":
    problem = asyncio.run(asyncio.wait_for(main(sys.argv[1]), 30))
    print("ok" if problem is None else f"FAIL: {problem}")
    sys.exit(0 if problem is None else 1)
