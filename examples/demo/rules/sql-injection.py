def find_user(cursor, name, table):
    # ruleid: sql-built-from-strings
    cursor.execute("SELECT * FROM users WHERE name = '" + name + "'")
    # ruleid: sql-built-from-strings
    cursor.execute(f"SELECT * FROM {table} WHERE name = %s", (name,))
    # ruleid: sql-built-from-strings
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ok: sql-built-from-strings
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
    # ok: sql-built-from-strings
    cursor.execute("SELECT * FROM users " + "WHERE name = %s", (name,))
    # ok: sql-built-from-strings
    log.info("SELECT * FROM users WHERE name = '%s'" % name)


def report(connection, column):
    # ruleid: sql-built-from-strings
    query = "SELECT " + column + " FROM orders"
    rows = connection.execute(query)
    return rows
