/* Drag a card onto another stage of the Pipeline: the card's own Move form is sent with that
 * stage, so a drag is the same checked, logged change as the keyboard's select and Move button
 * (which stay). A drop on Lost without a reason opens the reason instead of moving. */
(() => {
  const board = document.querySelector(".pipeline");
  if (!board) return;
  let dragged = null;
  board.querySelectorAll("[data-card]").forEach((card) => {
    card.draggable = true;
    card.addEventListener("dragstart", (event) => {
      dragged = card;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.querySelector("a")?.textContent ?? "");
      card.classList.add("pipeline__card--dragged");
    });
    card.addEventListener("dragend", () => {
      card.classList.remove("pipeline__card--dragged");
      dragged = null;
    });
  });
  board.querySelectorAll("[data-stage]").forEach((column) => {
    column.addEventListener("dragover", (event) => {
      if (!dragged || column.contains(dragged)) return;
      event.preventDefault();
      column.classList.add("pipeline__column--target");
    });
    column.addEventListener("dragleave", (event) => {
      if (!column.contains(event.relatedTarget)) column.classList.remove("pipeline__column--target");
    });
    column.addEventListener("drop", (event) => {
      event.preventDefault();
      column.classList.remove("pipeline__column--target");
      if (!dragged || column.contains(dragged)) return;
      const form = dragged.querySelector("form");
      form.elements.namedItem("status").value = column.dataset.stage;
      const reason = form.elements.namedItem("lost_reason");
      if (column.dataset.stage === "lost" && !reason.value) {
        reason.classList.add("pipeline__reason--needed");
        reason.focus();
        return;
      }
      form.requestSubmit();
    });
  });
})();
