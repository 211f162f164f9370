// The product page's gallery follows the colour chosen, before "Show" is pressed: a photo of
// another colour is hidden, one for every colour stays.
document.addEventListener("change", (event) => {
  const select = event.target;
  if (!(select instanceof HTMLSelectElement) || select.name !== "colour") return;
  const gallery = document.getElementById("gallery");
  if (!gallery) return;
  for (const figure of gallery.querySelectorAll("figure[data-colour]")) {
    const colour = figure.dataset.colour;
    figure.hidden = colour !== "" && colour !== select.value;
  }
});
