export default async function (page) {
  await page.getByRole('link', { name: 'Bookings' }).click()
  await page.getByRole('button', { name: 'Next week' }).click()
  const blocks = page.locator('.board-block[draggable=true]')
  const block = page.getByRole('button', { name: /^(09|10|11):00–/ }).and(blocks).first()
  console.log(await block.getAttribute('aria-label'))
  const box = await block.boundingBox()
  const x = box.x + box.width / 2, y = box.y + 5
  await page.mouse.move(x, y); await page.mouse.down()
  await page.mouse.move(x, y + 20, { steps: 5 })
  await page.mouse.move(x, y + 6 * 48, { steps: 10 }); await page.mouse.move(x, y + 6 * 48 + 1)
  for (let i = 0; i < 4; i++) {
    await page.waitForTimeout(400)
    console.log(await page.locator('.drop-hint').allTextContents())
  }
  await page.mouse.up()
}
