// Keys and clicks of the tree, after the WAI-ARIA treeview pattern: one tab stop (roving
// tabindex), arrow keys, Home and End; the triangle opens a branch without navigating.

/** Makes `item` the tree's one tab stop. */
export function setTabStop(tree, item) {
  for (const other of tree.querySelectorAll('[role=treeitem][tabindex="0"]')) other.tabIndex = -1;
  item.tabIndex = 0;
}

const visibleItems = (tree) => [...tree.querySelectorAll('[role=treeitem]')].filter((a) => !a.closest('[hidden]'));

/** Wires the keyboard and the triangles; `openBranch(item, open)` opens or closes a branch. */
export function wireTreeKeys(tree, openBranch) {
  const focusOn = (item) => {
    if (!item) return;
    setTabStop(tree, item);
    item.focus();
  };

  tree.addEventListener('keydown', (event) => {
    const item = event.target.closest('[role=treeitem]');
    if (!item || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = visibleItems(tree);
    const i = items.indexOf(item);
    const expanded = item.getAttribute('aria-expanded');
    switch (event.key) {
      case 'ArrowDown': focusOn(items[i + 1]); break;
      case 'ArrowUp': focusOn(items[i - 1]); break;
      case 'Home': focusOn(items[0]); break;
      case 'End': focusOn(items[items.length - 1]); break;
      case 'ArrowRight':
        if (expanded === 'false') openBranch(item, true);
        else if (expanded === 'true') focusOn(item.nextElementSibling.querySelector('[role=treeitem]'));
        break;
      case 'ArrowLeft':
        if (expanded === 'true') openBranch(item, false);
        else focusOn(item.closest('[role=group]')?.previousElementSibling);
        break;
      default: return;
    }
    event.preventDefault();
  });

  tree.addEventListener('click', (event) => {
    if (!event.target.closest('.tw')) return;
    const item = event.target.closest('[role=treeitem]');
    if (item.getAttribute('aria-expanded') == null) return;
    event.preventDefault();
    openBranch(item, item.getAttribute('aria-expanded') !== 'true');
  });
}
