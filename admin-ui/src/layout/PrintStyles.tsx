import { GlobalStyles } from '@mui/material';

/**
 * The printed page (the application page, ID通知内容, any list): A4, the content alone — no app bar, menu, buttons,
 * filters, pagination or notifications — full width, tables readable (no scroll boxes, header repeated on each page,
 * a row never split across pages). Tabs print what is on screen: the open tab's content, under its own label.
 */
const PRINT = {
  '@page': { size: 'A4', margin: '14mm 12mm' },
  '@media print': {
    'html, body, .RaLayout-root, .RaLayout-appFrame, .RaLayout-content': { background: '#fff !important' },
    body: { fontSize: '10.5pt' },
    // Navigation and chrome.
    '.RaAppBar-root, header.MuiAppBar-root, .RaSidebar-root, .MuiDrawer-root, nav, .RaLayout-appFrame > .MuiToolbar-root': { display: 'none !important' },
    // Anything to press or type into: buttons, toolbars, filter forms, pagination, bulk actions, snackbars, tooltips.
    'button:not(.MuiTab-root), .MuiButton-root, .MuiIconButton-root, .MuiFab-root, input[type="checkbox"], [role="toolbar"], .RaTopToolbar-root, .RaToolbar-root, .RaFilterForm-root, .RaListToolbar-root, .RaBulkActionsToolbar-root, .MuiTablePagination-root, .RaPagination-root, .MuiSnackbar-root, .MuiTooltip-popper, .MuiTableCell-paddingCheckbox, [data-print="hide"]': {
      display: 'none !important',
    },
    // The content over the whole sheet.
    '.RaLayout-appFrame': { marginTop: '0 !important', paddingTop: '0 !important' },
    '.RaLayout-content, .RaLayout-contentWithSidebar, main': { padding: '0 !important', margin: '0 !important', width: '100% !important', maxWidth: 'none !important' },
    '.MuiPaper-root': { boxShadow: 'none !important', background: '#fff !important' },
    // Tabs: only the open one's label, as the heading of what follows.
    '.MuiTabs-scroller, .MuiTabs-flexContainer': { overflow: 'visible !important' },
    '.MuiTab-root:not(.Mui-selected), .MuiTabs-indicator, .MuiTabScrollButton-root': { display: 'none !important' },
    '.MuiTab-root.Mui-selected': { fontSize: '13pt', fontWeight: 700, padding: '0 !important', minHeight: '0 !important', color: '#000 !important' },
    // Tables: whole, with the header on every page and no row cut in two.
    '.RaDataTable-tableWrapper, .MuiTableContainer-root': { overflow: 'visible !important' },
    table: { width: '100% !important', borderCollapse: 'collapse' },
    thead: { display: 'table-header-group' },
    // (Not on cards: a card taller than a page would be pushed whole to the next one, leaving a blank page.)
    'tr, .MuiAlert-root': { breakInside: 'avoid', pageBreakInside: 'avoid' },
    'th, td': { borderBottom: '1px solid #999 !important', color: '#000 !important', padding: '3px 5px !important', fontSize: '9pt !important' },
    '.MuiChip-root': { height: 'auto !important', fontSize: '8pt !important' },
    'h1, h2, h3, h4, h5, h6': { breakAfter: 'avoid', pageBreakAfter: 'avoid' },
    // Links print as text; chips keep their colours (statuses).
    a: { color: '#000 !important', textDecoration: 'none !important' },
    '*': { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' },
  },
} as const;

export const PrintStyles = () => <GlobalStyles styles={PRINT} />;
