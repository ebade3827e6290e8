"""Python's `websockets` client against an echo endpoint: a text and a binary message must
come back unchanged and of the same type, then a clean close with 1000. Prints "ok" and
exits 0, or prints what went wrong and exits 1. Usage: python3 echo_client.py ws://host:port/path"""
import asyncio
import sys

import websockets


async def main(url):
    text = "héllo from python ✓"
    binary = bytes([0, 1, 2, 253, 254, 255])
    async with websockets.connect(url) as ws:
        await ws.send(text)
        await ws.send(binary)
        first = await asyncio.wait_for(ws.recv(), 10)
        second = await asyncio.wait_for(ws.recv(), 10)
        if first != text:
            return f"text echo: {first!r}"
        if second != binary:
            return f"binary echo: {second!r}"
        await ws.close(1000, "done")
        if ws.close_code != 1000:
            return f"close code {ws.close_code}"
    return None


if __name__ == "__main__":
    problem = asyncio.run(main(sys.argv[1]))
    print("ok" if problem is None else f"FAIL: {problem}")
    sys.exit(0 if problem is None else 1)
