/* Choosing a saved reply on the lead page puts its text, written for this lead, in the message
 * box: into an empty box (or one still holding the last saved reply), else after what is there,
 * so nothing typed is lost. Without the script the server fills an empty box the same way. */
(() => {
  let inserted = "";
  document.addEventListener("change", (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.hasAttribute("data-saved-reply")) return;
    const text = select.selectedOptions[0]?.dataset.text;
    const box = select.form?.elements.namedItem("reply");
    if (!text || !(box instanceof HTMLTextAreaElement)) return;
    const typed = box.value.trim();
    box.value = !typed || typed === inserted.trim() ? text : `${box.value.trimEnd()}\n\n${text}`;
    inserted = text;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
  });
})();
