package dev.weft.scheduler.raceprograms;

import java.util.Map;

/** A map handed from one thread to another through a volatile field. */
final class VolatileBox {
    volatile Map<String, Integer> map;
}
