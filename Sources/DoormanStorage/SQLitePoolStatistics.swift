import DoormanOAuth

/// A snapshot of an `SQLiteDatabase` pool: the statistics type that every store's pool shares.
public typealias SQLitePoolStatistics = ConnectionPoolStatistics
