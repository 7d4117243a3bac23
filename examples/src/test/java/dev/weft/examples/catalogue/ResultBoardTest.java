package dev.weft.examples.catalogue;

import dev.weft.examples.awaitkey.ResultBoard;
import dev.weft.examples.awaitkey.Results;

/** {@code ResultBoard} under {@link ResultBoardContract}: the fix passes every test. */
class ResultBoardTest extends ResultBoardContract {

    @Override
    protected Results newBoard() {
        return new ResultBoard();
    }
}
