"""A search bot: `search_bot.py BASE RATE SECONDS` sends RATE random searches a second, each from
another loopback address (127.0.1.x), so a per-address limit alone cannot stop it: the bounded
backend must. One asyncio loop, so the bot itself costs the host little. Prints the answers it
got by status."""

import asyncio
import random
import sys
from collections import Counter

WORDS = ["helsinki", "hiring", "backend", "contract", "python", "team", "scale", "remote"]


async def search(host: str, port: int, n: int, answers: Counter) -> None:
    query = "+".join(random.sample(WORDS, 2)) + f"+{random.randint(1, 10**6)}"
    request = (
        f"GET /search/?q={query} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
        "User-Agent: Mozilla/5.0 (compatible; SearchBot/1.0)\r\n\r\n"
    )
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port, local_addr=(f"127.0.1.{n % 250 + 1}", 0)), 10
        )
        writer.write(request.encode())
        status = (await asyncio.wait_for(reader.readline(), 30)).split(b" ")[1].decode()
        writer.close()
    except (OSError, TimeoutError, IndexError):
        status = "error"
    answers[status] += 1


async def main(base: str, rate: float, seconds: float) -> None:
    host, port = base.split("//")[1].split(":")
    answers: Counter = Counter()
    loop = asyncio.get_running_loop()
    started, pending = loop.time(), []
    for n in range(int(rate * seconds)):
        await asyncio.sleep(max(0.0, started + n / rate - loop.time()))
        pending.append(asyncio.create_task(search(host, int(port), n, answers)))
    await asyncio.gather(*pending)
    print(" ".join(f"{status}:{count}" for status, count in sorted(answers.items())))


asyncio.run(main(sys.argv[1], float(sys.argv[2]), float(sys.argv[3])))
