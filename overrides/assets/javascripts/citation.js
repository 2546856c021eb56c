// 复制引用: copies the citation's text; where the clipboard is refused (file://, old
// browsers) the text is selected for the reader to copy.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".archive-citation__copy");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  const done = () => { button.textContent = "已复制"; };
  const select = () => {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    button.textContent = "已选中，请复制";
  };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(source.textContent).then(done, select);
  } else {
    select();
  }
});
