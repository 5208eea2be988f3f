package dev.podclip.clip.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A table that holds per id an ordered list of values, replaced as a whole (an episode's chapters, its warnings): its
 * statements, set-based for many ids at once. A row's position column is its value's place in the list.
 */
public final class ListTable<T> {

    /** Binds one value's columns, from parameter 3 on (1 and 2 are the id and the position). */
    public interface ValueBinder<T> {
        void bind(PreparedStatement statement, T value) throws SQLException;
    }

    private record Row<T>(UUID id, int position, T value) {
    }

    private final String delete;
    private final String insert;
    private final String select;
    private final ValueBinder<T> binder;
    private final Jdbc.RowMapper<T> mapper;

    /**
     * @param valueColumns the columns a value is stored in, in the order {@code binder} binds them (from parameter 3)
     *                     and {@code mapper} reads them (from column 2)
     */
    public ListTable(String table, String idColumn, String positionColumn, List<String> valueColumns,
                     ValueBinder<T> binder, Jdbc.RowMapper<T> mapper) {
        String values = String.join(", ", valueColumns);
        this.delete = "DELETE FROM " + table + " WHERE " + idColumn + " = ANY(?)";
        this.insert = "INSERT INTO " + table + " (" + idColumn + ", " + positionColumn + ", " + values
                + ") VALUES (?, ?" + ", ?".repeat(valueColumns.size()) + ")";
        this.select = "SELECT " + idColumn + ", " + values + " FROM " + table + " WHERE " + idColumn
                + " = ANY(?) ORDER BY " + idColumn + ", " + positionColumn;
        this.binder = binder;
        this.mapper = mapper;
    }

    public void deleteOf(Connection connection, Collection<UUID> ids) throws SQLException {
        Jdbc.updateByIds(connection, delete, ids);
    }

    /** Writes each id's list, batched; the ids have none stored ({@link #deleteOf}). */
    public void insert(Connection connection, Map<UUID, List<T>> lists) throws SQLException {
        List<Row<T>> rows = new ArrayList<>();
        lists.forEach((id, list) -> {
            for (int i = 0; i < list.size(); i++) {
                rows.add(new Row<>(id, i, list.get(i)));
            }
        });
        Jdbc.batch(connection, insert, rows, (statement, row) -> {
            statement.setObject(1, row.id());
            statement.setInt(2, row.position());
            binder.bind(statement, row.value());
        });
    }

    /** The id's list; empty when it has none. */
    public List<T> of(Connection connection, UUID id) throws SQLException {
        return of(connection, List.of(id)).getOrDefault(id, List.of());
    }

    /** Per id that has a list, its list. */
    public Map<UUID, List<T>> of(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, List<T>> lists = new HashMap<>();
        Jdbc.query(connection, select, ids, row -> lists
                .computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>()).add(mapper.map(row)));
        return lists;
    }
}
