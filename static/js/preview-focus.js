/* In the editor's preview of a call to action or the offices, the page opens where they are,
 * not at the article's top (the block is what the editor is changing). Wagtail may load the
 * preview while its panel is still closed or narrow, so it scrolls again whenever the frame
 * changes size, until the editor scrolls it themselves. */
(() => {
  const id = document.currentScript?.dataset.focus;
  const target = id && document.getElementById(id);
  if (!target) return;
  let moved = false;
  // The frame's own scroll only: scrollIntoView would scroll the editor's page around it too.
  const focus = () =>
    moved || window.scrollTo({ top: target.getBoundingClientRect().top + window.scrollY, behavior: "instant" });
  for (const event of ["wheel", "touchmove", "keydown", "mousedown"]) {
    window.addEventListener(event, () => { moved = true; }, { once: true, passive: true });
  }
  focus();
  window.addEventListener("resize", focus);
  window.addEventListener("load", focus);
})();
