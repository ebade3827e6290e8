"""Python's `websockets` client, which compresses by default, against an echo endpoint:
permessage-deflate must be negotiated, messages must come back unchanged, and fewer bytes must
cross the socket each way than the messages hold (both sides compressed). Prints "ok" and exits
0, or what went wrong and exits 1. Usage: python3 deflate_client.py ws://host:port/path"""
import asyncio
import sys

import websockets
from websockets.legacy.client import WebSocketClientProtocol


class CountingProtocol(WebSocketClientProtocol):
    """Counts the bytes that cross the socket, both ways."""

    bytes_in = 0
    bytes_out = 0

    def connection_made(self, transport):
        write = transport.write

        def counting_write(data):
            self.bytes_out += len(data)
            write(data)

        transport.write = counting_write
        super().connection_made(transport)

    def data_received(self, data):
        self.bytes_in += len(data)
        super().data_received(data)


async def main(url):
    text = "".join(f"line {i}: the quick brown fox jumps over the lazy dog ✓\n" for i in range(20000))
    binary = bytes((i * 7) % 13 for i in range(300000))
    expected = [text, binary, "tiny"]
    total = len(text.encode()) + len(binary) + 4
    async with websockets.connect(url, create_protocol=CountingProtocol, max_size=None) as ws:
        answer = ws.response_headers.get("Sec-WebSocket-Extensions", "")
        names = [extension.name for extension in ws.extensions]
        if names != ["permessage-deflate"] or not answer.startswith("permessage-deflate"):
            return f"not negotiated: {names} / {answer!r}"
        for message in expected:
            await ws.send(message)
        for i, want in enumerate(expected):
            got = await asyncio.wait_for(ws.recv(), 20)
            if got != want:
                return f"message {i}: echo differs ({len(got)} vs {len(want)})"
        if ws.bytes_out * 4 > total:
            return f"sent {ws.bytes_out} bytes on the socket for {total} bytes of messages: not compressed"
        if ws.bytes_in * 4 > total:
            return f"read {ws.bytes_in} bytes on the socket for {total} bytes of echoes: not compressed"
        await ws.close(1000, "done")
        if ws.close_code != 1000:
            return f"close code {ws.close_code}"
    return None


if __name__ == "__main__":
    problem = asyncio.run(main(sys.argv[1]))
    print("ok" if problem is None else f"FAIL: {problem}")
    sys.exit(0 if problem is None else 1)
