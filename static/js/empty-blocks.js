/* A body block added and left empty is kept in the draft by autosave (Wagtail checks required
 * fields only on publish), and then shows only on the minimap and as an error at publish. Each
 * empty block the editor is not writing in is flagged in place when the editor leaves it, after
 * every autosave and on opening, saying why and what to do; a flag goes once it has words. */
(() => {
  const script = document.currentScript;
  const FLAG = "data-empty-block-flag";

  const isBlank = (field) => {
    if (!field.draftailEditor) return !field.value.trim();
    const raw = field.value ? JSON.parse(field.value) : null;
    return !raw || raw.blocks.every((block) => !block.text.trim());
  };
  // What an editor writes in a block: text boxes and rich text (not the block's own bookkeeping).
  const writtenFields = (block) =>
    [...block.querySelectorAll("input, textarea")].filter(
      (field) =>
        field.draftailEditor ||
        field.tagName === "TEXTAREA" ||
        ["text", "url", "email", "number"].includes(field.type),
    );
  const isEmpty = (block) => {
    const fields = writtenFields(block);
    return fields.length > 0 && fields.every(isBlank);
  };
  // The innermost blocks only: a list whose one item is empty flags the item.
  const leaves = () =>
    [...document.querySelectorAll("[data-streamfield-child]")].filter(
      (block) => !block.querySelector("[data-streamfield-child]"),
    );

  const unflag = (block) => block.querySelector(`[${FLAG}]`)?.remove();
  const flag = (block) => {
    if (block.querySelector(`[${FLAG}]`)) return;
    const note = document.createElement("p");
    note.setAttribute(FLAG, "");
    note.setAttribute("role", "status");
    note.className = "empty-block-flag";
    note.textContent = script.dataset.message;
    (block.querySelector("[data-streamfield-block]") ?? block).prepend(note);
  };

  const review = () =>
    leaves().forEach((block) => {
      const writing = block.contains(document.activeElement);
      if (isEmpty(block) && !writing) flag(block);
      else if (!isEmpty(block)) unflag(block);
    });

  // Leaving a block: it is judged once focus has moved (activeElement is then the new one).
  document.addEventListener("focusout", (event) => {
    if (event.target.closest?.("[data-streamfield-child]")) window.setTimeout(review, 0);
  });
  document.addEventListener("w-autosave:success", review);
  document.addEventListener("w-autosave:error", review);
  document.addEventListener("w-unsaved:ready", review); // the form as the editor opens it
  document.addEventListener("input", (event) => {
    const block = event.target.closest?.("[data-streamfield-child]");
    if (block) window.setTimeout(() => !isEmpty(block) && unflag(block), 300); // Draftail's pause
  });
})();
