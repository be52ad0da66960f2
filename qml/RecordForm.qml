import QtQuick
import QtQuick.Controls
import Gengxin.App

// The fields of one record rendered from the survey definition: one delegate per field, the
// editor chosen by its type, sections as headers. Irrelevant fields collapse (their values stay).
ListView {
    id: recordForm

    property string entity
    property string recordId
    property bool readOnly: false
    readonly property alias fields: fieldsModel

    signal fieldActivated(string field)

    // Scrolls to a field and puts the cursor in its editor; false when there is no such field.
    function focusField(name) {
        const row = fieldsModel.indexOf(name)
        if (row < 0)
            return false
        positionViewAtIndex(row, ListView.Beginning)
        const item = itemAtIndex(row)
        if (item)
            item.takeFocus()
        return true
    }

    clip: true
    boundsBehavior: Flickable.StopAtBounds
    reuseItems: false
    cacheBuffer: 400
    ScrollBar.vertical: ScrollBar {}

    model: FormFieldsModel {
        id: fieldsModel
        session: Session
        entity: recordForm.entity
        recordId: recordForm.recordId
        readOnly: recordForm.readOnly
    }

    section.property: "section"
    section.delegate: SectionHeader {
        width: ListView.view.width
        leftPadding: Math.max(16, (ListView.view.width - 880) / 2 + 16)
    }

    // On a wide window the fields keep a readable width, centred.
    delegate: FieldDelegate {
        width: Math.min(ListView.view.width, 880)
        x: (ListView.view.width - width) / 2
        form: fieldsModel
        readOnly: recordForm.readOnly
        onActivated: recordForm.fieldActivated(name)
    }

    footer: Item {
        width: ListView.view.width
        height: 24
    }
}
