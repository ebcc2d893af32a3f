package lvswizard.render;

/**
 * One generated file.
 *
 * @param name       file name inside the output directory
 * @param content    the text
 * @param executable whether it is a script (mode 0755) or not (0644)
 */
public record RenderedFile(String name, String content, boolean executable) {
}
