package lvswizard.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextWidthTest {
    @Test
    void chineseTakesTwoCellsAndPaddingCountsCells() {
        assertThat(TextWidth.of("权重 2")).isEqualTo(6);
        assertThat(TextWidth.of("（|=权重）")).isEqualTo(10);
        assertThat(TextWidth.padRight("权重", 6)).isEqualTo("权重  ");
        assertThat(TextWidth.padRight("weight", 6)).as("as String.format's %-6s plus one space").isEqualTo("weight ");
        assertThat(TextWidth.padLeft("权重", 6)).isEqualTo("  权重");
        assertThat(TextWidth.fill("FWD", 6)).isEqualTo("FWD   ");
        assertThat(TextWidth.clip("已摘除（权重 0）", 7)).isEqualTo("已摘除");
        assertThat(TextWidth.clip("abc", 7)).isEqualTo("abc");
    }
}
