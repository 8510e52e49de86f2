import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-admin';

/**
 * One figure (a queue's count, a breach) as a card, with what it counts in a line below (`hint`). With `to`, the
 * whole card is a link to the list it counts (Tab reaches it, Enter opens it); its name is what it shows, and
 * `linkLabel` says where it goes on hover.
 */
export const FigureCard = ({
  label,
  value,
  hint,
  to,
  linkLabel,
  tone,
  testId,
}: {
  label: string;
  value: number;
  hint?: string;
  to?: string;
  linkLabel?: string;
  tone?: 'warning' | 'error';
  testId: string;
}) => {
  const content = (
    <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
      <Typography variant="body2" color="text.secondary" component="h3" noWrap>
        {label}
      </Typography>
      <Typography
        variant="h4"
        component="p"
        data-testid={`${testId}-count`}
        data-count={value}
        sx={{ fontWeight: 700, color: tone && value > 0 ? `${tone}.main` : undefined, fontVariantNumeric: 'tabular-nums' }}
      >
        {value.toLocaleString('ja-JP')}
      </Typography>
      {hint ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ lineHeight: 1.4 }}>
          {hint}
        </Typography>
      ) : null}
    </CardContent>
  );
  return (
    <Card
      variant="outlined"
      data-testid={testId}
      sx={{ height: '100%', borderColor: tone && value > 0 ? `${tone}.light` : undefined, borderLeftWidth: tone && value > 0 ? 4 : undefined }}
    >
      {to ? (
        <CardActionArea component={Link} to={to} title={linkLabel} sx={{ height: '100%' }}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
};

/** Cards side by side, as many per row as fit. */
export const CardRow = ({ children, min = 170 }: { children: ReactNode; min?: number }) => (
  <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))` }}>{children}</Box>
);
