import { errorCodeLabel, OperationLabels } from './metric-labels';

describe('OperationLabels', () => {
  it('keeps the first names and files later ones under "other"', () => {
    const labels = new OperationLabels(2);
    expect(labels.label('Feed')).toBe('Feed');
    expect(labels.label('Me')).toBe('Me');
    expect(labels.label('Invented1')).toBe('other');
    expect(labels.label('Feed')).toBe('Feed');
  });

  it('labels a request without a name "anonymous"', () => {
    expect(new OperationLabels(2).label(undefined)).toBe('anonymous');
  });
});

describe('errorCodeLabel', () => {
  it('keeps the codes the formatter produces and folds the rest', () => {
    expect(errorCodeLabel('FORBIDDEN')).toBe('FORBIDDEN');
    expect(errorCodeLabel('INTERNAL_SERVER_ERROR')).toBe('INTERNAL_SERVER_ERROR');
    expect(errorCodeLabel('MADE_UP')).toBe('OTHER');
    expect(errorCodeLabel(undefined)).toBe('OTHER');
  });
});
