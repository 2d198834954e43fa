/* The editor's link suggestions: "Link" makes an internal link to that article in the body's
 * text block last edited — on the selected words, or the article's title typed at the cursor —
 * through Draftail's own editor state (window.DraftJS), as Wagtail's page chooser would. */
(() => {
  let lastInput = null; // the hidden input of the rich text the editor last worked in

  // Wagtail keeps each Draftail editor on its hidden input (input.draftailEditor), beside it.
  const editorInputs = (root) =>
    [...root.querySelectorAll("input[type=hidden]")].filter((input) => input.draftailEditor);
  const inputOf = (element) => {
    const wrapper = element?.closest?.("[data-draftail-editor-wrapper]");
    return wrapper ? (editorInputs(wrapper.parentNode)[0] ?? null) : null;
  };

  document.addEventListener("focusin", (event) => {
    const input = inputOf(event.target);
    if (input) lastInput = input;
  });

  const link = (button) => {
    const input =
      lastInput && document.contains(lastInput)
        ? lastInput
        : editorInputs(document)[0];
    const editor = input?.draftailEditor;
    const panel = button.closest("[data-link-suggestions]");
    const status = panel.querySelector("[data-link-status]");
    if (!editor || !window.DraftJS) {
      status.textContent = panel.dataset.noText;
      return;
    }
    const { EditorState, Modifier } = window.DraftJS;
    const state = editor.getEditorState();
    const selection = state.getSelection();
    const data = { id: Number(button.dataset.pageId), url: button.dataset.url };
    if (button.dataset.parentId) data.parentId = Number(button.dataset.parentId);
    let content = state.getCurrentContent().createEntity("LINK", "MUTABLE", data);
    const entity = content.getLastCreatedEntityKey();
    content = selection.isCollapsed()
      ? Modifier.insertText(content, selection, button.dataset.title, null, entity)
      : Modifier.applyEntity(content, selection, entity);
    editor.onChange(EditorState.push(state, content, "apply-entity"));
    // Into the form's field at once, as Draftail writes it after a quarter-second pause: a
    // save may follow straight away.
    input.rawContentState = window.DraftJS.convertToRaw(content);
    input.value = JSON.stringify(input.rawContentState);
    status.textContent = panel.dataset.linkedText.replace("{title}", button.dataset.title);
  };

  document.addEventListener("click", (event) => {
    const button = event.target.closest?.("[data-link-suggestion]");
    if (button) link(button);
  });
})();
