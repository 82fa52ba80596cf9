#!/usr/bin/env python3
"""Count the write-ahead log frames that one code exchange commits, per B-tree, on Doorman's SQLite schema.

Builds a database from the SQL of migrations 2 to 4 in Sources/DoormanStorage/Schema with TOKENS access tokens
and CODES codes. Then runs EXCHANGES transactions shaped like SQLiteStore.redeemAuthorizationCode, BATCH exchanges
per transaction, redeeming codes in the order they were issued: each exchange is an UPDATE of the code and an INSERT of an access and of a refresh token. It reads the page number of
every frame header in the log and names the table or index that owns the page through the dbstat table.
Python's sqlite3 module must link the same libsqlite3 as Doorman (Debian's, on Debian).

--keys ordered (the default) makes keys as TokenHash.of does for OrderedToken values: 14 hexadecimal digits of the
issue time in microseconds, then the SHA-256 of the random part. --keys plain makes the plain SHA-256 keys of earlier releases, which
land on random pages.

Usage: scripts/bench-wal-frames.py [--page-size 4096] [--tokens 1000000] [--codes 240000]
                                   [--exchanges 4000] [--batch 1] [--keys ordered|plain] [--database PATH]
"""
import argparse, collections, hashlib, os, re, secrets, sqlite3, struct, tempfile, time

SCHEMA_DIR = os.path.join(os.path.dirname(__file__), "..", "Sources", "DoormanStorage", "Schema")
TOKEN_INSERT = ("INSERT INTO {} (token_hash, client_id, user_id, scope, grant_id, created_at, expires_at, "
                "revoked_at) VALUES (?, 'client_1', 'user_1', 'api', ?, ?, ?, NULL)")


def migration_sql(file_name):
    """Return the SQL between the first pair of triple quotes of a migration's Swift file."""
    with open(os.path.join(SCHEMA_DIR, file_name)) as source:
        return re.search(r'"""\n(.*?)"""', source.read(), re.S).group(1)


KEY_STYLE = "ordered"
_last_microseconds = 0


def random_hash():
    """Return a new key in KEY_STYLE: the time digits of an ordered value and its hash, or the hash alone."""
    global _last_microseconds
    digest = hashlib.sha256(secrets.token_bytes(32)).hexdigest()
    if KEY_STYLE == "plain":
        return digest
    # Strictly increasing, as keys made one after the other by one thread are.
    _last_microseconds = max(time.time_ns() // 1000, _last_microseconds + 1)
    return f"{_last_microseconds:014x}" + digest


def build(path, page_size, tokens, codes, now):
    """Create the schema, one client and user, TOKENS access tokens and CODES unused codes."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA page_size={page_size}")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute("PRAGMA cache_size=-524288")
    for file_name in ("DoormanTables.swift", "RefreshTokenRotation.swift", "RateLimitTable.swift"):
        db.executescript(migration_sql(file_name))
    db.execute("INSERT INTO users (id, username, password_hash) VALUES ('user_1', 'buyer', 'x')")
    db.execute("INSERT INTO companies VALUES ('biz_1', 'user_1', 'company')")
    db.execute("INSERT INTO web_apps VALUES ('app_1', 'biz_1', 'app', 'client_1', 'hash', 0, 0)")
    db.execute("BEGIN")
    db.executemany(TOKEN_INSERT.format("access_tokens"),
                   ((random_hash(), random_hash(), now, now + 3600) for _ in range(tokens)))
    db.executemany("INSERT INTO authorization_codes VALUES (?, 'client_1', 'user_1', 'https://app.example/cb', "
                   "'api', NULL, NULL, ?, ?, NULL)", ((random_hash(), now, now + 600) for _ in range(codes)))
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def exchange(path, exchanges, batch, now):
    """Run the exchanges with an empty log. Return their count, the page size, the page number of every frame they
    wrote and the table or index that owns each of those pages."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute("PRAGMA cache_size=-65536")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    owners = dict(db.execute("SELECT pageno, name FROM dbstat"))
    # Ordered keys sort in issue order. Plain keys carry no order, so codes issued one after the other have
    # keys anywhere in the table.
    order = "code_hash" if KEY_STYLE == "ordered" else "random()"
    codes = [row[0] for row in db.execute(
        f"SELECT code_hash FROM authorization_codes WHERE consumed_at IS NULL ORDER BY {order} LIMIT ?",
        (exchanges,))]
    for start in range(0, len(codes), batch):
        db.execute("BEGIN IMMEDIATE")
        for code in codes[start:start + batch]:
            db.execute("UPDATE authorization_codes SET consumed_at = ? WHERE code_hash = ? AND consumed_at IS NULL",
                       (now, code))
            db.execute(TOKEN_INSERT.format("access_tokens"), (random_hash(), code, now, now + 3600))
            db.execute(TOKEN_INSERT.format("refresh_tokens"), (random_hash(), code, now, now + 86400))
        db.execute("COMMIT")
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    with open(path + "-wal", "rb") as log:
        data = log.read()
    db.close()
    # A log starts with a 32-byte header, and each frame is a 24-byte header followed by one page.
    pages = [struct.unpack(">I", data[offset:offset + 4])[0]
             for offset in range(32, len(data) - 23, 24 + page_size)]
    return len(codes), page_size, pages, [owners.get(page, "pages added to the file") for page in pages]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page-size", type=int, default=4096)
    parser.add_argument("--tokens", type=int, default=1_000_000)
    parser.add_argument("--codes", type=int, default=240_000)
    parser.add_argument("--exchanges", type=int, default=4000)
    parser.add_argument("--batch", type=int, default=1, help="exchanges per transaction")
    parser.add_argument("--keys", choices=("ordered", "plain"), default="ordered")
    parser.add_argument("--database", help="reuse this database file instead of building a new one")
    arguments = parser.parse_args()
    global KEY_STYLE
    KEY_STYLE = arguments.keys

    now = int(time.time())
    path = arguments.database
    if path is None:
        path = os.path.join(tempfile.mkdtemp(prefix="doorman-wal-frames-"), "doorman.sqlite3")
        build(path, arguments.page_size, arguments.tokens, arguments.codes, now)
        print(f"built {path}")
    count, page_size, pages, owners = exchange(path, arguments.exchanges, arguments.batch, now)
    print(f"{len(owners) / count:.2f} frames of {page_size} bytes per exchange, {count} exchanges, "
          f"{arguments.batch} per transaction")
    # A checkpoint copies each page once however many frames the log holds for it.
    print(f"{len(set(pages)) / count:.2f} distinct pages per exchange, which a checkpoint copies")
    for name, frames in collections.Counter(owners).most_common():
        print(f"  {name:32} {frames / count:.2f}")


if __name__ == "__main__":
    main()
