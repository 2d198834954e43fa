/* The list's filters change its address without a reload: a view is saved with the filters the
 * address has when "Save view" is pressed, not those the page was first drawn with. */
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.hasAttribute("data-saved-view-form")) {
    form.elements.namedItem("query").value = window.location.search;
  }
});
