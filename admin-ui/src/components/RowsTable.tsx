import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Fragment, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { EMPTY, isBlank } from './format';

export interface Column<T> {
  /** Translation key of the header. */
  label: string;
  render: (row: T, index: number) => ReactNode;
  align?: 'left' | 'right' | 'center';
  width?: number | string;
  nowrap?: boolean;
}

/** A compact read-only table for the rows of an application or a contract. */
export const RowsTable = <T extends { id?: string | number }>({
  rows,
  columns,
  empty,
  dense = true,
  label,
  rowSx,
  renderNested,
}: {
  rows?: readonly T[] | null;
  columns: Array<Column<T>>;
  /** Translation key shown when there are no rows. */
  empty?: string;
  dense?: boolean;
  label?: string;
  rowSx?: (row: T) => object | undefined;
  /** A full-width row under each row (e.g. the 利用者ID of a 利用者コード). */
  renderNested?: (row: T) => ReactNode;
}) => {
  const translate = useTranslate();
  if (!rows || rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
        {empty ? translate(empty, { _: empty }) : EMPTY}
      </Typography>
    );
  }
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size={dense ? 'small' : 'medium'} aria-label={label ? translate(label, { _: label }) : undefined}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell
                key={c.label}
                align={c.align}
                sx={{ whiteSpace: 'nowrap', fontWeight: 600, width: c.width, color: 'text.secondary' }}
              >
                {translate(c.label, { _: c.label })}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, i) => {
            const nested = renderNested?.(row);
            return (
              <Fragment key={row.id ?? i}>
                <TableRow sx={{ ...rowSx?.(row), ...(nested ? { '& > td': { borderBottom: 'none' } } : {}) }}>
                  {columns.map((c) => {
                    const v = c.render(row, i);
                    return (
                      <TableCell
                        key={c.label}
                        align={c.align}
                        sx={{ whiteSpace: c.nowrap ? 'nowrap' : undefined, verticalAlign: 'top' }}
                      >
                        {isBlank(v) ? EMPTY : v}
                      </TableCell>
                    );
                  })}
                </TableRow>
                {nested ? (
                  <TableRow>
                    <TableCell colSpan={columns.length} sx={{ pl: 4, pt: 0 }}>
                      {nested}
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** A titled table shown under a row of another table. */
export const NestedTable = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(title, { _: title })}
      </Typography>
      {children}
    </Box>
  );
};
