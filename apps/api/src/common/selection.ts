import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the query asks for the field at `path` below the current one (fragments and inline
 * fragments followed), e.g. ['edges', 'node', 'space', 'memberCount']: lets the feed statement leave
 * out what no one will read.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => node.selectionSet && within(node.selectionSet, path, info.fragments));
}

function within(
  selectionSet: SelectionSetNode,
  path: readonly string[],
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  const [name, ...rest] = path;
  return selectionSet.selections.some((selection) => {
    if (selection.kind === 'Field') {
      if (selection.name.value !== name) return false;
      return rest.length === 0 || (!!selection.selectionSet && within(selection.selectionSet, rest, fragments));
    }
    const fragmentSet =
      selection.kind === 'InlineFragment' ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
    return !!fragmentSet && within(fragmentSet, path, fragments);
  });
}
