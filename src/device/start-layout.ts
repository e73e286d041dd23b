import type { TileSize } from '@/apps/app-model'
import { invariant } from '@/lib/invariant'
import type { StartTile } from '@/store/slices/start-tiles'

/** A Start tile with its place on the grid, counted in small-tile cells from 0 at the top left. */
export interface PlacedStartTile extends StartTile {
  row: number
  column: number
  rowSpan: number
  columnSpan: number
}

/** A cell of the Start grid, counted from 0 at the top left. */
export interface StartCell {
  row: number
  column: number
}

/** A point on the Start grid in logical pixels, from the top left corner of the first cell. */
export interface StartPoint {
  x: number
  y: number
}

/** Small-tile columns of the WP8 Start grid on phones below about 5 inches. */
export const START_COLUMNS = 4
/** Side of a small tile, in logical pixels. */
export const SMALL_TILE_PX = 99
/** Space between two tiles, in logical pixels. */
export const TILE_GUTTER_PX = 12
/** Space between the screen edge and the tiles, in logical pixels. */
export const START_MARGIN_PX = 24
/** Distance from one cell's left edge to the next one's, in logical pixels. */
export const CELL_PITCH_PX = SMALL_TILE_PX + TILE_GUTTER_PX

/** Rows and columns of small cells each size covers: medium is 2x2 smalls, wide 4x2. */
export const TILE_SPANS: Readonly<Record<TileSize, { rows: number; columns: number }>> = {
  small: { rows: 1, columns: 1 },
  medium: { rows: 2, columns: 2 },
  wide: { rows: 2, columns: 4 },
}

/** Side of a block: the grid is two blocks wide, and a medium tile fills one block. */
const BLOCK_CELLS = 2

/** Cells of a block in the order small tiles fill them: top left, top right, bottom left, bottom right. */
const BLOCK_QUARTERS: readonly StartCell[] = [
  { row: 0, column: 0 },
  { row: 0, column: 1 },
  { row: 1, column: 0 },
  { row: 1, column: 1 },
]

/**
 * Places tiles on the 4-column grid in Start order. Each tile takes the first free place,
 * scanning block rows top to bottom: a wide tile needs a whole empty block row, a medium tile
 * an empty block, and a small tile the first free quarter. Small tiles thus fill the block
 * they start in before the next block, and a later tile can fill a hole an earlier one left.
 */
export function placeStartTiles(tiles: readonly StartTile[]): PlacedStartTile[] {
  const occupied = new Set<number>()

  return tiles.map((tile) => {
    const span = TILE_SPANS[tile.size]
    const cell = findFreeCell(occupied, tile.size)
    for (let row = cell.row; row < cell.row + span.rows; row += 1) {
      for (let column = cell.column; column < cell.column + span.columns; column += 1) {
        occupied.add(toCellIndex(row, column))
      }
    }
    return { ...tile, ...cell, rowSpan: span.rows, columnSpan: span.columns }
  })
}

/** Counts the grid rows the placed tiles cover, holes included. */
export function countStartRows(placed: readonly PlacedStartTile[]): number {
  return placed.reduce((rows, tile) => Math.max(rows, tile.row + tile.rowSpan), 0)
}

/** Returns the cell under a point. A point in a gutter belongs to the cell above or left of it. */
export function toStartCell(point: StartPoint): StartCell {
  const column = Math.floor(point.x / CELL_PITCH_PX)
  const row = Math.floor(point.y / CELL_PITCH_PX)
  return {
    row: Math.max(row, 0),
    column: Math.min(Math.max(column, 0), START_COLUMNS - 1),
  }
}

/** Returns where a placed tile's top left corner sits, in logical pixels from the first cell. */
export function toTileOrigin(tile: StartCell): StartPoint {
  return { x: tile.column * CELL_PITCH_PX, y: tile.row * CELL_PITCH_PX }
}

/**
 * Computes the Start index a dragged tile moves to when the pointer is over `cell`: the index
 * of the tile under it, or the last index below every tile. A cell that is empty or covered
 * by the dragged tile itself keeps the current index, so the layout does not swing back and
 * forth while the pointer rests.
 */
export function findDropIndex(
  placed: readonly PlacedStartTile[],
  draggedKey: string,
  cell: StartCell,
): number {
  const currentIndex = placed.findIndex((tile) => tile.key === draggedKey)
  const targetIndex = placed.findIndex((tile) => covers(tile, cell))
  const target = placed[targetIndex]
  if (target !== undefined) {
    return target.key === draggedKey ? currentIndex : targetIndex
  }
  return cell.row >= countStartRows(placed) ? placed.length - 1 : currentIndex
}

function covers(tile: PlacedStartTile, cell: StartCell): boolean {
  return (
    cell.row >= tile.row &&
    cell.row < tile.row + tile.rowSpan &&
    cell.column >= tile.column &&
    cell.column < tile.column + tile.columnSpan
  )
}

function findFreeCell(occupied: ReadonlySet<number>, size: TileSize): StartCell {
  // The block row below every occupied cell is empty, so every size fits there at the latest.
  const occupiedRows =
    occupied.size === 0 ? 0 : Math.floor(Math.max(...occupied) / START_COLUMNS) + 1
  const lastBlockRow = Math.ceil(occupiedRows / BLOCK_CELLS)

  for (let blockRow = 0; blockRow <= lastBlockRow; blockRow += 1) {
    for (const cell of listCandidateCells(blockRow, size)) {
      if (isFree(occupied, cell, size)) {
        return cell
      }
    }
  }
  invariant(false, `Failed to place a ${size} tile: no free cell below row ${occupiedRows}`)
}

/** Lists the cells of a block row where a tile of this size may start, in filling order. */
function listCandidateCells(blockRow: number, size: TileSize): StartCell[] {
  const top = blockRow * BLOCK_CELLS
  const blockColumns = [0, BLOCK_CELLS]
  switch (size) {
    case 'wide':
      return [{ row: top, column: 0 }]
    case 'medium':
      return blockColumns.map((column) => ({ row: top, column }))
    case 'small':
      return blockColumns.flatMap((left) =>
        BLOCK_QUARTERS.map((quarter) => ({
          row: top + quarter.row,
          column: left + quarter.column,
        })),
      )
  }
}

function isFree(occupied: ReadonlySet<number>, cell: StartCell, size: TileSize): boolean {
  const span = TILE_SPANS[size]
  for (let row = cell.row; row < cell.row + span.rows; row += 1) {
    for (let column = cell.column; column < cell.column + span.columns; column += 1) {
      if (occupied.has(toCellIndex(row, column))) {
        return false
      }
    }
  }
  return true
}

function toCellIndex(row: number, column: number): number {
  return row * START_COLUMNS + column
}
