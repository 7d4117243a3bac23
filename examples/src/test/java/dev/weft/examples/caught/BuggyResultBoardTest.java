package dev.weft.examples.caught;

import dev.weft.examples.awaitkey.BuggyResultBoard;
import dev.weft.examples.awaitkey.Results;
import dev.weft.examples.catalogue.ResultBoardContract;

/** {@code BuggyResultBoard} under {@link ResultBoardContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyResultBoardTest extends ResultBoardContract {

    @Override
    protected Results newBoard() {
        return new BuggyResultBoard();
    }
}
