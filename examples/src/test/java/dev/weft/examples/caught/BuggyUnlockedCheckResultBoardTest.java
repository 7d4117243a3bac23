package dev.weft.examples.caught;

import dev.weft.examples.awaitkey.BuggyUnlockedCheckResultBoard;
import dev.weft.examples.awaitkey.Results;
import dev.weft.examples.catalogue.ResultBoardContract;

/** {@code BuggyUnlockedCheckResultBoard} under {@link ResultBoardContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyUnlockedCheckResultBoardTest extends ResultBoardContract {

    @Override
    protected Results newBoard() {
        return new BuggyUnlockedCheckResultBoard();
    }
}
