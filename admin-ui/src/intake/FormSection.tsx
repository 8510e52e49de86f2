import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** One NSS tab of the paper form as a titled card; `id` is the anchor of the section index. */
export const FormSection = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section" id={id} aria-labelledby={`${id}-title`} sx={{ mb: 2, scrollMarginTop: 72 }}>
      <CardContent>
        <Typography variant="h6" component="h2" id={`${id}-title`} sx={{ mb: 1.5, fontWeight: 700 }}>
          {translate(title)}
        </Typography>
        <Box>{children}</Box>
      </CardContent>
    </Card>
  );
};
