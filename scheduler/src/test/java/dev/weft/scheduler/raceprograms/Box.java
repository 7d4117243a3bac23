package dev.weft.scheduler.raceprograms;

import java.util.Map;

/** A map handed from one thread to another through a plain field. */
final class Box {
    Map<String, Integer> map;
}
