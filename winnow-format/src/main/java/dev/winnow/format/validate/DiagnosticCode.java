package dev.winnow.format.validate;

import dev.winnow.format.Diagnostic;
import dev.winnow.format.Diagnostic.Severity;

/**
 * Every check Winnow makes on a predictions folder, with its stable code, its severity and what
 * it means. Codes never change meaning once released; tools may match on them.
 *
 * <p>Usage: {@code DiagnosticCode.BBOX_OUTSIDE_IMAGE.at(file, "/predictions/0/bbox", 3, 17, "...")}.
 */
public enum DiagnosticCode {
    MALFORMED_JSON("E001", "The file is not well-formed JSON."),
    WRONG_TYPE("E002", "A value has the wrong JSON type (for example a string where a number belongs)."),
    MISSING_FIELD("E003", "A required field is missing."),
    UNKNOWN_CATEGORY("E004", "A category_id is not one of the schema's category ids."),
    SCORE_OUT_OF_RANGE("E005", "A score is NaN or outside [0, 1]."),
    PROBABILITIES_LENGTH("E006", "A probabilities list does not have one entry per schema category."),
    PROBABILITY_OUT_OF_RANGE("E007", "A probability is NaN or outside [0, 1]."),
    PROBABILITIES_SUM("E008", "The probabilities do not sum to 1 (within 0.001)."),
    BBOX_SHAPE("E009", "A bbox is not a list of 4 numbers."),
    BBOX_NEGATIVE("E010", "A bbox has a negative x, y, width or height."),
    RLE_INVALID("E011", "An RLE segmentation holds a negative or non-integer count."),
    BBOX_OUTSIDE_IMAGE("E012", "A bbox reaches outside the image (size read from the image header)."),
    RLE_PIXEL_COUNT("E013", "The counts of an RLE segmentation do not sum to the image's width x height."),
    KEYPOINTS_SHAPE("E014", "A keypoints list is not a multiple of 3 numbers (x, y, confidence)."),
    FILE_NAME_MISMATCH("E015", "file_name does not name the sample the prediction file's path maps to."),
    ORPHAN_PREDICTION("E016", "A prediction file matches no sample of the input."),
    FRAME_OUT_OF_RANGE("E017", "A video frame prediction names a frame index at or beyond the video's frame count."),
    FRAME_PADDING("E018", "A video frame prediction's index is not padded to the digits of the frame count."),
    PATH_OUTSIDE_ROOT("E019", "A path leaves the datasource's root (.., an absolute path or a link pointing out)."),
    FILE_TOO_LARGE("E020", "A file is larger than the file size limit."),
    NESTING_TOO_DEEP("E021", "A file nests arrays or objects deeper than the nesting limit."),
    TOO_MANY_SINGLETONS("E022", "A prediction file has more singletons than the singleton limit."),
    RLE_TOO_LONG("E023", "An RLE segmentation has more counts than the RLE length limit."),
    TASKS_MISSING("E024", "tasks.json is missing."),
    TASK_NAME_INVALID("E025", "A task name is empty, listed twice or has characters outside [a-zA-Z0-9_+=,.@:/-]."),
    SCHEMA_MISSING("E026", "A listed task has no schema.json."),
    TASK_TYPE_UNKNOWN("E027", "A schema's task_type is not one of the five task types."),
    CATEGORY_INVALID("E028", "A schema category has a negative id, an empty name or an id used twice."),
    TASK_SCHEMA_INVALID("E029", "A listed task has no valid schema, so none of its predictions can be checked."),
    TASK_ALL_INVALID("E030", "Every prediction file of a task is invalid."),
    UNREADABLE("E031", "A file or a sample cannot be read (I/O failure, unreadable image header or video)."),
    STRICT_COMMENT("E032", "A comment in strict mode, where comments are not JSON."),
    STRICT_TRAILING_COMMA("E033", "A trailing comma in strict mode, where it is not JSON."),
    STRICT_UNKNOWN_FIELD("E034", "An unknown field in strict mode."),
    SAMPLES_SHARE_PREDICTION("E035", "Images that differ only in extension map to one prediction file."),
    COMMENT("W001", "A // or /* */ comment; accepted, but it is not JSON."),
    TRAILING_COMMA("W002", "A comma before ] or }; accepted, but it is not JSON."),
    UNKNOWN_FIELD("W003", "A field that the format does not define; ignored."),
    SAMPLE_WITHOUT_PREDICTION("W004", "A sample has no prediction file in a task."),
    NOT_A_PREDICTION_FILE("W005", "A file in a task folder that is not a .json prediction file; ignored."),
    MORE_IN_FILE("W006", "A file has more problems than the per-file limit; the rest are not reported."),
    NO_TASK_LISTED("W007", "tasks.json lists no task, though task folders with a schema.json are there."),
    NAME_NORMALISATION("W008", "Two names differ only in Unicode normalisation; they are taken as the same."),
    SKELETON_ZERO_BASED("W009", "A keypoint skeleton counts from 0; accepted, though COCO counts from 1.");

    private final String code;
    private final String meaning;

    DiagnosticCode(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The stable code, {@code E012} or {@code W001}. */
    public String code() {
        return code;
    }

    /** What the code means, one sentence (the README's table). */
    public String meaning() {
        return meaning;
    }

    public Severity severity() {
        return code.charAt(0) == 'E' ? Severity.ERROR : Severity.WARNING;
    }

    /** A diagnostic of this code; {@code line} and {@code column} are 0 when unknown. */
    public Diagnostic at(String file, String pointer, int line, int column, String message) {
        return new Diagnostic(severity(), code, file, pointer, line, column, message);
    }

    /** A diagnostic of this code about a whole file or sample, without a position. */
    public Diagnostic of(String file, String message) {
        return at(file, "", 0, 0, message);
    }
}
